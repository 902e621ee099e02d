import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db, Queryable } from '@mercato/chassis';

export interface MediaFile {
  name: string;
  contentType: string;
  data: Buffer;
}

/**
 * Where the bytes of uploaded images live. `save` runs inside the transaction that records the
 * image (`tx`): the PostgreSQL store writes there, the file store writes beside it and is told
 * to `remove` what it wrote if that transaction fails, so a failed upload leaves nothing behind.
 */
export interface MediaStore {
  readonly kind: 'fs' | 'postgres';
  save(tx: Queryable, mediaId: string, files: readonly MediaFile[]): Promise<void>;
  read(mediaId: string, name: string): Promise<MediaFile | null>;
  remove(mediaId: string): Promise<void>;
}

const SAFE = /^[A-Za-z0-9_]{1,64}$/;
const SAFE_NAME = /^[a-z0-9]{1,16}\.[a-z]{3,4}$/;

/**
 * Files under a directory: the data folder in the embedded mode, or a volume every replica mounts
 * (ReadWriteMany) in a deployment that prefers files. One folder per image, written under a
 * temporary name and renamed into place, so a reader never sees half an image.
 */
export class FileMediaStore implements MediaStore {
  readonly kind = 'fs' as const;
  constructor(private readonly dir: string) {}

  private folder(mediaId: string): string {
    if (!SAFE.test(mediaId)) throw new Error(`not a media id: ${mediaId}`);
    return join(this.dir, mediaId);
  }

  async save(_tx: Queryable, mediaId: string, files: readonly MediaFile[]): Promise<void> {
    const final = this.folder(mediaId);
    const temp = `${final}.part`;
    await mkdir(temp, { recursive: true });
    try {
      for (const f of files) await writeFile(join(temp, f.name), f.data, { mode: 0o644 });
      await rename(temp, final);
    } catch (err) {
      await rm(temp, { recursive: true, force: true });
      throw err;
    }
  }

  async read(mediaId: string, name: string): Promise<MediaFile | null> {
    if (!SAFE.test(mediaId) || !SAFE_NAME.test(name)) return null;
    try {
      const data = await readFile(join(this.folder(mediaId), name));
      return { name, contentType: contentTypeOf(name), data };
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return null;
      throw err;
    }
  }

  async remove(mediaId: string): Promise<void> {
    await rm(this.folder(mediaId), { recursive: true, force: true });
  }
}

/**
 * The catalog's own PostgreSQL: shared by every replica with nothing more to run, backed up and
 * restored with the catalog it belongs to, and transactional (an image and its bytes commit
 * together). Reads are rare: answers carry a year-long immutable Cache-Control, so browsers and
 * CDNs keep them.
 */
export class PostgresMediaStore implements MediaStore {
  readonly kind = 'postgres' as const;
  constructor(private readonly db: Db) {}

  async save(tx: Queryable, mediaId: string, files: readonly MediaFile[]): Promise<void> {
    for (const f of files) {
      await tx.query('INSERT INTO media_blobs (media_id, name, content_type, data) VALUES ($1, $2, $3, $4)', [mediaId, f.name, f.contentType, f.data]);
    }
  }

  async read(mediaId: string, name: string): Promise<MediaFile | null> {
    const r = await this.db.query<{ content_type: string; data: Buffer }>('SELECT content_type, data FROM media_blobs WHERE media_id = $1 AND name = $2', [mediaId, name]);
    const row = r.rows[0];
    return row ? { name, contentType: row.content_type, data: row.data } : null;
  }

  async remove(): Promise<void> {
    // The rows go with the media row (ON DELETE CASCADE) or with the failed transaction.
  }
}

export function contentTypeOf(name: string): string {
  return name.endsWith('.webp') ? 'image/webp' : name.endsWith('.avif') ? 'image/avif' : 'application/octet-stream';
}
