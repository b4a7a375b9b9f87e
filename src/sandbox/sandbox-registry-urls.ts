/** Base URLs for `RegistriesModule.forRoot` when the app serves the sandbox itself at `selfBaseUrl`. */
export function sandboxRegistryUrls(selfBaseUrl: string): { populationUrl: string; insuranceUrl: string } {
  const base = selfBaseUrl.replace(/\/+$/, '');
  return { populationUrl: `${base}/sandbox/population`, insuranceUrl: `${base}/sandbox/insurance` };
}
