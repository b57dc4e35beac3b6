import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';

export interface UploadedFile {
  readonly fieldName: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Buffer;
}

export interface MultipartBody {
  readonly fields: Readonly<Record<string, string>>;
  readonly files: Readonly<Record<string, UploadedFile>>;
}

/**
 * Read a multipart/form-data request into memory, refusing any file over `maxFileBytes` (413, nothing kept).
 * Only routes behind a session use this: the session's CSRF token header is what stops a cross-site form post.
 */
export async function readMultipart(request: FastifyRequest, maxFileBytes: number): Promise<MultipartBody> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', '请以 multipart/form-data 方式上传文件');
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedFile> = {};
  for await (const part of request.parts({ limits: { fileSize: maxFileBytes, files: 2, fields: 20 } })) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.file.truncated || bytes.length > maxFileBytes) {
        throw new AppError(
          'payload_too_large',
          `文件“${part.filename}”超过大小限制（最大 ${Math.round(maxFileBytes / 1024 / 1024)} MB）`,
        );
      }
      files[part.fieldname] = {
        fieldName: part.fieldname,
        fileName: part.filename,
        mimeType: part.mimetype,
        bytes,
      };
    } else {
      fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
    }
  }
  return { fields, files };
}

export type LetterType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** The type of a stamped letter by its first bytes (never by its name or the browser's word): PDF, PNG or JPEG. */
export function sniffLetterType(bytes: Uint8Array): LetterType | null {
  const starts = (sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}
