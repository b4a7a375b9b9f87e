// Public employment service centers from GET /api/v1/centers ([{code, name, provinceName, address, phone, hours,
// communes}]): the dossier
// module's directory is the only list; pages never keep their own.
import { api } from './api.js';

let loading = null;
let byCode = new Map();

/** Loads the directory once per page; resolves to the list (empty when the call failed). */
export function loadCenters() {
  if (!loading) {
    loading = api('/api/v1/centers').then((res) => {
      const list = res.ok && Array.isArray(res.data) ? res.data : [];
      byCode = new Map(list.map((c) => [c.code, c]));
      return list;
    });
  }
  return loading;
}

/** The center's name once loadCenters() has resolved; its code otherwise. */
export function centerLabel(code) {
  const center = byCode.get(code);
  return center ? center.name : code || '';
}

/** The open center serving a commune (by its code), once loadCenters() has resolved; null when none does. */
export function centerServing(communeCode) {
  if (!communeCode) return null;
  for (const center of byCode.values()) if (Array.isArray(center.communes) && center.communes.includes(communeCode)) return center;
  return null;
}
