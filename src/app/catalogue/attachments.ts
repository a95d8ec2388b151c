/**
 * Files of catalogue items. A draft or rejected item takes them directly; a settled item takes
 * them as part of its change (opened with the current fields and 生成日期 today when there is
 * none), so a new file is public, and a removed one gone, only after review. Nothing changes
 * while a round is in review. Downloads are for the body's staff (the public's are in
 * src/app/catalogue-public.ts).
 */
import { createHash } from 'node:crypto';
import { actorId, type SessionUser } from '../../accounts/permissions.js';
import { CatalogueError, checkAttachment, checkAttachmentCount, filesOf, isSettled, type ItemRecord } from '../../catalogue/index.js';
import { ALLOWED_ATTACHMENTS, attachmentType } from '../../catalogue/file-type.js';
import { writeAudit } from '../../store/audit.js';
import type { CatalogueStore } from '../../store/catalogue-store.js';
import type { Db } from '../../store/db.js';
import type { AppServices } from '../context.js';
import { notFound } from '../errors.js';
import { catalogueStore, decided, draftableItem, lockedItem, readableItem } from './access.js';
import { saveChange } from './items.js';
import { attachmentView } from './views.js';

export interface UploadedFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** Whether the item's files change through its change (`pending`), opening the change if needed. */
async function filesTarget(store: CatalogueStore, tx: Db, item: ItemRecord, actor: string, today: string): Promise<boolean> {
  const target = filesOf(item, today);
  if (target.pending && target.openChange) await saveChange(store, tx, item, target.openChange, actor);
  return target.pending;
}

/** Attach a file; `upload` reads it, called only once the user may attach to the item. */
export async function addAttachment(s: AppServices, user: SessionUser, id: number, upload: () => Promise<UploadedFile>) {
  const store = catalogueStore(s);
  await draftableItem(store, user, id);
  const file = await upload();
  const actor = actorId(user);
  const today = s.today();
  const newId = await decided(async () => {
    checkAttachment(file);
    // The type is the bytes' own, never the one the browser claimed (a "text/javascript" file must not run).
    const type = attachmentType(file.bytes, file.fileName);
    if (!type) throw new CatalogueError(`附件“${file.fileName}”的类型不在允许之列（按文件内容识别）：只接受${ALLOWED_ATTACHMENTS}`);
    const stored = { ...file, mediaType: type.mediaType };
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    return s.db.transaction(async (tx) => {
      const item = await lockedItem(store, tx, id);
      const pending = await filesTarget(store, tx, item, actor, today);
      checkAttachmentCount(await store.countAttachments(tx, id, pending));
      const attachment = await store.insertAttachment(tx, id, pending, { ...stored, sha256 }, actor);
      await writeAudit(tx, actor, 'attach', 'catalogue_item', String(id), null, { attachment, fileName: file.fileName, mediaType: type.mediaType, size: file.bytes.length, sha256, pending });
      return attachment;
    });
  });
  const item = (await store.item(id))!;
  const added = (await store.attachments(id)).find((a) => a.id === newId && a.pending === isSettled(item.status))!;
  return attachmentView(item, added);
}

/** Remove a file: at once from a draft, or from the published version when the change passes. */
export async function removeAttachment(s: AppServices, user: SessionUser, id: number, attachmentId: number, pending: boolean): Promise<{ ok: true }> {
  const store = catalogueStore(s);
  await draftableItem(store, user, id);
  const actor = actorId(user);
  const today = s.today();
  await decided(() =>
    s.db.transaction(async (tx) => {
      const item = await lockedItem(store, tx, id);
      const throughChange = await filesTarget(store, tx, item, actor, today);
      if (pending || !throughChange) {
        if (!(await store.deleteAttachment(tx, id, attachmentId, pending))) throw new CatalogueError('没有找到该附件');
      } else {
        // A file of the published version: dropped only when the change passes review.
        if (!(await store.hasAttachment(tx, id, attachmentId))) throw new CatalogueError('没有找到该附件');
        const opened = (await store.item(id, tx))!;
        await store.setRemovedAttachments(tx, id, [...new Set([...(opened.pending?.removedAttachments ?? []), attachmentId])]);
      }
      await writeAudit(tx, actor, 'detach', 'catalogue_item', String(id), { attachment: attachmentId, pending }, null);
    }),
  );
  return { ok: true };
}

/** A file of an item, for its body's staff; `pending`: a file added by the change. */
export async function attachmentFile(s: AppServices, user: SessionUser, id: number, attachmentId: number, pending: boolean): Promise<UploadedFile> {
  const store = catalogueStore(s);
  const item = await readableItem(store, user, id);
  const file = await store.attachmentBytes(item.id, attachmentId, pending);
  if (!file) throw notFound('附件');
  return file;
}
