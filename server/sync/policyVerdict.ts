/** The write policy's answer on an update: it may be applied, or why not (the 4403's reason). */
export type PolicyVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export const OK: PolicyVerdict = { ok: true };
export const no = (reason: string): PolicyVerdict => ({ ok: false, reason });
