/**
 * The catalogue's back office (主动公开目录): use cases on items and the review chain, files,
 * settings and figures. The public side is src/app/catalogue-public.ts, the opinion box
 * src/app/opinions.ts.
 */
export { addAttachment, attachmentFile, removeAttachment, type UploadedFile } from './attachments.js';
export {
  createItem,
  deleteItem,
  discardChange,
  dueLists,
  getItem,
  itemReviews,
  listItems,
  reexaminationList,
  reexamineItem,
  reviewItem,
  reviewQueue,
  revokeItem,
  submitItem,
  updateItem,
  withdrawItem,
} from './items.js';
export { catalogueFigures, catalogueSettings, catalogueVocabulary, changeCatalogueSettings } from './settings.js';
