import type { Queryable } from '@mercato/chassis';

export interface Rendition {
  name: string;
  width: number;
  height: number;
  bytes: number;
}

export interface MediaRecord {
  id: string;
  originalType: string;
  width: number;
  height: number;
  sha256: string;
  renditions: Rendition[];
  createdAt: Date;
}

interface Raw extends Record<string, unknown> {
  id: string;
  original_type: string;
  width: number;
  height: number;
  sha256: string;
  renditions: Rendition[];
  created_at: Date;
}
const toRecord = (r: Raw): MediaRecord => ({
  id: r.id,
  originalType: r.original_type,
  width: r.width,
  height: r.height,
  sha256: r.sha256,
  renditions: r.renditions,
  createdAt: r.created_at,
});

/** The only code that touches the `media` table. */
export const mediaStore = {
  async insert(tx: Queryable, m: Omit<MediaRecord, 'createdAt'> & { createdBy: string }): Promise<MediaRecord> {
    const r = await tx.query<Raw>(
      `INSERT INTO media (id, original_type, width, height, sha256, renditions, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [m.id, m.originalType, m.width, m.height, m.sha256, JSON.stringify(m.renditions), m.createdBy],
    );
    return toRecord(r.rows[0]!);
  },

  async get(q: Queryable, id: string): Promise<MediaRecord | null> {
    const r = await q.query<Raw>('SELECT * FROM media WHERE id = $1', [id]);
    return r.rows[0] ? toRecord(r.rows[0]) : null;
  },

  async getMany(q: Queryable, ids: readonly string[]): Promise<Map<string, MediaRecord>> {
    if (ids.length === 0) return new Map();
    const r = await q.query<Raw>('SELECT * FROM media WHERE id = ANY($1::text[])', [ids]);
    return new Map(r.rows.map((row) => [row.id, toRecord(row)]));
  },
};
