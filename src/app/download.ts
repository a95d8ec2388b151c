/**
 * A file a use case hands out (a report, a rollup, a spreadsheet): its bytes, media type and
 * name. The server sends it as a download (src/server/http.ts), the CLI writes it to disk.
 */

export interface FileDownload {
  bytes: Uint8Array;
  type: string;
  fileName: string;
  /** An ASCII name for old clients; without it, the name with every other character as `_`. */
  asciiName?: string;
}

/** Excel workbooks (the register's 台账, the analysis's figures). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
