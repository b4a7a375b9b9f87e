/** oidc-provider ships no TypeScript types; the sandbox uses a few entry points, untyped. */
declare module 'oidc-provider' {
  export const Provider: any;
  export const interactionPolicy: any;
  export const errors: any;
}
