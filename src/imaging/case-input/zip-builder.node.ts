import { deflateSync } from 'fflate';

/** One entry for {@link buildZip}; the optional fields make the archive lie. */
export interface ZipBuilderEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** 0 stored, 8 deflate (default). */
  readonly method?: 0 | 8;
  /** Uncompressed size written in the headers instead of the true one. */
  readonly declaredSize?: number;
  /** Point this entry's central record at the local header of the entry with this index. */
  readonly shareDataOf?: number;
  readonly encrypted?: boolean;
}

/**
 * Test helper: writes a zip archive by hand (local headers, central directory, end record), so tests can
 * produce archives that lie in ways no real zip tool would write. CRCs are left 0: the reader does not
 * check them.
 */
export function buildZip(entries: readonly ZipBuilderEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const stored = method === 0 ? entry.data : deflateSync(entry.data, { level: 9 });
    const name = encoder.encode(entry.name);
    const size = entry.declaredSize ?? entry.data.length;
    const local = new Uint8Array(30 + name.length + stored.length);
    const view = new DataView(local.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, (entry.encrypted === true ? 1 : 0) | 0x800, true);
    view.setUint16(8, method, true);
    view.setUint32(18, stored.length, true);
    view.setUint32(22, size, true);
    view.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(stored, 30 + name.length);
    offsets.push(offset);
    const record = new Uint8Array(46 + name.length);
    const recordView = new DataView(record.buffer);
    recordView.setUint32(0, 0x02014b50, true);
    recordView.setUint16(4, 20, true);
    recordView.setUint16(6, 20, true);
    recordView.setUint16(8, (entry.encrypted === true ? 1 : 0) | 0x800, true);
    recordView.setUint16(10, method, true);
    recordView.setUint32(20, stored.length, true);
    recordView.setUint32(24, size, true);
    recordView.setUint16(28, name.length, true);
    recordView.setUint32(
      42,
      entry.shareDataOf === undefined ? offset : (offsets[entry.shareDataOf] ?? 0),
      true,
    );
    record.set(name, 46);
    locals.push(local);
    central.push(record);
    offset += local.length;
  }
  const centralSize = central.reduce((sum, record) => sum + record.length, 0);
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, entries.length, true);
  endView.setUint16(10, entries.length, true);
  endView.setUint32(12, centralSize, true);
  endView.setUint32(16, offset, true);
  const parts = [...locals, ...central, end];
  const zip = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    zip.set(part, at);
    at += part.length;
  }
  return zip;
}
