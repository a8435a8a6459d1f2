/**
 * Session file mounts -> engine calls (the presigned legs are served by file-transfer.ts).
 */
import { createDownloadUrl, createUploadUrl, deleteMountItem, listMountItems } from '../../engine/files.js';
import type { ValidatedInput } from '../request-validator.js';
import type { OperationHandler } from './types.js';

const sid = (input: ValidatedInput): string => input.params.session_id as string;
const mount = (input: ValidatedInput): string => input.params.mount_id as string;

export const fileHandlers: Record<string, OperationHandler> = {
  listMountItems: (engine, ctx, input) =>
    listMountItems(engine, ctx, sid(input), mount(input), input.query as { limit?: number; cursor?: string; mount_relative_prefix?: string }),
  createMountUploadUrl: (engine, ctx, input) =>
    createUploadUrl(engine, ctx, sid(input), mount(input), input.body as { mount_relative_path: string; mimetype?: string }),
  createMountDownloadUrl: (engine, ctx, input) => createDownloadUrl(engine, ctx, sid(input), mount(input), input.body as { mount_relative_path: string }),
  deleteMountItem: (engine, ctx, input) => deleteMountItem(engine, ctx, sid(input), mount(input), input.body as { mount_relative_path: string }),
};
