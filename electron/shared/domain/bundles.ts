/**
 * Shareable bundles (`.ibtikar`): what a manifest says, what an export is asked for, what an import
 * previews and what it did. The layout itself is written down in docs/bundle-format.md.
 */
import { z } from 'zod';
import { uploadChunkShape } from './uploads';
import { IdSchema, TimestampSchema } from './common';
import { LanguageSchema } from './settings';

export const BUNDLE_FORMAT = 'ibtikar-bundle';
/** The newest bundle layout this app writes and reads (docs/bundle-format.md "Versions"). */
export const BUNDLE_FORMAT_VERSION = 2;
/** The viewer page printed to PDF, in bundles the desktop app exports (format version 2 on). */
export const SUMMARY_PDF = 'summary.pdf';

export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'secret'] as const;
export const ClassificationSchema = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof ClassificationSchema>;

export const BundleScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('workspace') }),
  z.strictObject({ kind: z.literal('projects'), ids: z.array(IdSchema).min(1).max(10_000) }),
]);
export type BundleScope = z.infer<typeof BundleScopeSchema>;

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
/** A table name as the registry spells it: only these characters ever reach SQL. */
const TableNameSchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);

export const BundleFileSchema = z.strictObject({
  path: z.string().max(200),
  bytes: z.int().min(0),
  sha256: Sha256Schema,
});

export const ManifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.int().min(1),
  appVersion: z.string().max(50),
  schemaVersion: z.int().min(1),
  createdAt: TimestampSchema,
  lab: z.strictObject({ id: IdSchema, name: z.string().max(200) }),
  author: z.string().max(200),
  locales: z.array(LanguageSchema).min(1).max(4),
  classification: ClassificationSchema,
  scope: BundleScopeSchema,
  records: z.record(TableNameSchema, z.int().min(0)),
  files: z.array(BundleFileSchema).max(10_000),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Why a bundle was refused; each code has a `validation.bundle_<code>` message in every language. */
export const BUNDLE_REFUSALS = [
  'unreadable',
  'unsafe_name',
  'symlink',
  'special_file',
  'duplicate_entry',
  'overlapping',
  'unlisted_file',
  'missing_file',
  'too_many_entries',
  'too_large',
  'ratio',
  'checksum',
  'bad_manifest',
  'bad_record',
  'forbidden_key',
  'too_deep',
  'newer_format',
  'newer_schema',
  'encrypted',
  'broken_references',
  'signature_invalid',
  'missing_attachment',
  'passphrase_needed',
  'wrong_passphrase',
  'encrypted_damaged',
  'bad_encryption',
  'duplicate_record',
  'rejected_record',
] as const;
export type BundleRefusal = (typeof BUNDLE_REFUSALS)[number];

export const CONFLICT_CHOICES = ['keep', 'theirs', 'copy'] as const;
export const ConflictChoiceSchema = z.enum(CONFLICT_CHOICES);
export type ConflictChoice = z.infer<typeof ConflictChoiceSchema>;

/** A bundle passphrase: never stored, never logged; at least 8 characters when choosing one. */
export const PassphraseSchema = z.string().max(1000);

export const BundleExportInputSchema = z.strictObject({
  scope: BundleScopeSchema,
  classification: ClassificationSchema,
  language: LanguageSchema,
  author: z.string().trim().max(200).default(''),
  /** Encrypts the bundle with a key derived from this passphrase (docs/bundle-format.md "Encrypted bundles"). */
  passphrase: PassphraseSchema.min(8).optional(),
});
export type BundleExportInput = z.infer<typeof BundleExportInputSchema>;

/** Bundle file names the app accepts from a caller: a plain name in the data folder's bundles inbox, never a path. */
export const BundleFileNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.ibtikar$/);

/** A bundle from the browser, in chunks; after the last, it is `upload-<uploadId>.ibtikar` in the inbox. */
export const BundleUploadSchema = z.strictObject(uploadChunkShape);

export const BundleDownloadSchema = z.strictObject({ fileName: BundleFileNameSchema, offset: z.int().min(0) });

export const BundleExportResultSchema = z.object({ fileName: z.string(), bytes: z.int(), records: z.int() });

/** One incoming row whose key exists here with different content. */
export const BundleConflictSchema = z.object({
  table: z.string(),
  /** The row's key as stored, e.g. its id, or "projectId|personId" for link tables. */
  key: z.string(),
  /** A readable name for the row (its title or name) when it has one. */
  label: z.string(),
  mineUpdatedAt: z.string().nullable(),
  theirsUpdatedAt: z.string().nullable(),
  /** The choices this row offers; append-only rows offer only `keep`. */
  choices: z.array(ConflictChoiceSchema),
  /** An earlier import made a copy of this record here: "import as a copy" keeps that copy as it is. */
  copiedBefore: z.boolean(),
});
export type BundleConflict = z.infer<typeof BundleConflictSchema>;

export const BundleTableCountSchema = z.object({ table: z.string(), incoming: z.int(), new: z.int(), same: z.int(), conflicts: z.int() });

export const BundlePreviewSchema = z.object({
  previewId: IdSchema,
  manifest: z.object({
    formatVersion: z.int(),
    appVersion: z.string(),
    createdAt: z.string(),
    lab: z.object({ id: z.string(), name: z.string() }),
    author: z.string(),
    locales: z.array(LanguageSchema),
    classification: ClassificationSchema,
  }),
  /**
   * Who signed the bundle: a fingerprint (SHA-256 of the Ed25519 public key) and whether this lab
   * trusts it; `invalid` when the signature does not match the contents (apply then needs
   * `acceptInvalidSignature`).
   */
  signature: z.object({ status: z.enum(['signed', 'unsigned', 'invalid']), fingerprint: z.string().nullable(), trusted: z.boolean() }),
  /** The bundle came encrypted with a passphrase. */
  encrypted: z.boolean(),
  tables: z.array(BundleTableCountSchema),
  conflicts: z.array(BundleConflictSchema),
  /** More conflicts exist than are listed; the choice for all covers the rest. */
  conflictsTruncated: z.boolean(),
});
export type BundlePreview = z.infer<typeof BundlePreviewSchema>;

export const BundleApplyInputSchema = z.strictObject({
  previewId: IdSchema,
  /** The choice for every conflict not named in `choices`. */
  onConflict: ConflictChoiceSchema.default('keep'),
  choices: z
    .array(z.strictObject({ table: z.string().max(64), key: z.string().max(400), choice: ConflictChoiceSchema }))
    .max(100_000)
    .default([]),
  /** The user confirmed importing a bundle whose signature does not verify (refused otherwise; recorded in the activity log). */
  acceptInvalidSignature: z.boolean().default(false),
});
export type BundleApplyInput = z.infer<typeof BundleApplyInputSchema>;

export const FingerprintSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** A fingerprint this lab marked as trusted, with the lab name it was shown with and when. */
export const TrustedLabSchema = z.object({ fingerprint: FingerprintSchema, labName: z.string(), trustedAt: z.string() });
export type TrustedLab = z.infer<typeof TrustedLabSchema>;

export const LabProfileSchema = z.object({ id: IdSchema, name: z.string() });

export const BundleSummarySchema = z.object({
  inserted: z.int(),
  replaced: z.int(),
  copied: z.int(),
  kept: z.int(),
  unchanged: z.int(),
  backup: z.string(),
  /** The bundle's signature did not verify and the user accepted it anyway. */
  unverifiedAccepted: z.boolean(),
});
export type BundleSummary = z.infer<typeof BundleSummarySchema>;
