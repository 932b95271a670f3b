/** How a surface treats documents: `off` runs any, `log` runs any and reports untrusted ones, `enforce` runs trusted ones only. */
export const TRUSTED_DOCUMENTS_MODES = ['off', 'log', 'enforce'] as const;
/** See {@link TRUSTED_DOCUMENTS_MODES}. */
export type TrustedDocumentsMode = (typeof TRUSTED_DOCUMENTS_MODES)[number];
