import { Provider } from '@nestjs/common';
import { DOSSIER_DOCUMENTS } from './dossier-view.service';
import { DOSSIER_SIDE_EFFECTS } from './dossier-workflow.service';

/** Until the documents module is wired in: dossiers have no issued documents and transitions queue none. */
export const NO_DOCUMENTS_PROVIDERS: Provider[] = [
  { provide: DOSSIER_DOCUMENTS, useValue: { forDossier: async () => ({ documents: [], decision: null }) } },
  { provide: DOSSIER_SIDE_EFFECTS, useValue: { afterTransition: async () => undefined } },
];
