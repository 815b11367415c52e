/**
 * Next's default server action body limit is 1MB (next.config.js does not raise it); uploads
 * stay below it with room for the rest of the form.
 */
export const IMPORT_MAX_BYTES = 900 * 1024;
