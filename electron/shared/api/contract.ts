/**
 * The one contract: every method any door exposes, with its input and output schemas, who may call
 * it and whether it needs the desktop. The renderer client, the IPC handler, the HTTP door, the
 * method listing and the tests are all derived from this table; no other file names a method.
 */
import { z } from 'zod';
import { IdSchema } from '../domain/common';
import { ActivitySchema, AppInfoSchema, JobSchema, PillarSchema } from '../domain/lab';
import {
  ProjectCreateSchema,
  ProjectListQuerySchema,
  ProjectPageSchema,
  ProjectPatchSchema,
  ProjectSchema,
} from '../domain/project';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings';

/** `host` methods are for the lab's own UI; `participant` methods may also be called by workshop guests. */
export type Access = 'host' | 'participant';

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  /** Needs the desktop shell (native dialogs, the file manager); absent over HTTP. */
  needs?: 'desktop';
}

const none = z.strictObject({});
const byId = z.strictObject({ id: IdSchema });

export const contract = {
  'app.info': { input: none, output: AppInfoSchema, access: 'host' },
  /** The methods this door offers (answered by the dispatcher itself). */
  'app.methods': { input: none, output: z.array(z.string()), access: 'participant' },

  'settings.get': { input: none, output: SettingsSchema, access: 'host' },
  'settings.update': { input: SettingsPatchSchema, output: SettingsSchema, access: 'host' },

  'projects.list': { input: ProjectListQuerySchema, output: ProjectPageSchema, access: 'host' },
  'projects.get': { input: byId, output: ProjectSchema, access: 'host' },
  'projects.create': { input: ProjectCreateSchema, output: ProjectSchema, access: 'host' },
  'projects.update': {
    input: z.strictObject({ id: IdSchema, patch: ProjectPatchSchema }),
    output: ProjectSchema,
    access: 'host',
  },
  'projects.delete': { input: byId, output: byId, access: 'host' },

  'pillars.list': { input: none, output: z.array(PillarSchema), access: 'host' },

  'activity.list': {
    input: z.strictObject({ subjectId: IdSchema, limit: z.int().min(1).max(200).default(50) }),
    output: z.array(ActivitySchema),
    access: 'host',
  },

  'jobs.list': { input: none, output: z.array(JobSchema), access: 'host' },
  'jobs.cancel': { input: byId, output: JobSchema, access: 'host' },

  'desktop.openDataFolder': { input: none, output: z.strictObject({}), access: 'host', needs: 'desktop' },
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after parsing and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

/** Methods core itself implements; the rest need the desktop shell. */
export const isDesktopMethod = (name: MethodName): boolean => (contract[name] as MethodSpec).needs === 'desktop';
