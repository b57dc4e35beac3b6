/** A handler's answer that is a file download rather than JSON (letters, .xlsx exports). */
export class FileResponse {
  constructor(
    readonly contentType: string,
    readonly fileName: string,
    readonly bytes: Uint8Array,
    /** `attachment` downloads; `inline` lets the browser show it (PDF/images). */
    readonly disposition: 'attachment' | 'inline' = 'attachment',
  ) {}

  contentDisposition(): string {
    const ascii = this.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return `${this.disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(this.fileName)}`;
  }
}
