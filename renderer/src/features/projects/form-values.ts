/**
 * What the project forms edit, and how it becomes API input. Empty selects and dates are '' in the
 * form and null in the record. A new project chooses its stage; an existing one moves only through
 * a gate, and of the statuses only active ↔ scaled is edited directly. Errors (from local checks
 * or the server) map to fields by path.
 */
import type { InputIssue } from '../../../../electron/shared/api/envelope';
import { toInputIssues } from '../../../../electron/shared/api/issues';
import { ProjectCreateSchema, ProjectPatchSchema, type Project } from '../../../../electron/shared/domain/project';

export type FormMode = 'create' | 'edit';

export interface ProjectFormValues {
  title: string;
  summary: string;
  stage: number;
  status: Project['status'];
  innovationType: NonNullable<Project['innovationType']> | '';
  oecdFacet: NonNullable<Project['oecdFacet']> | '';
  pillarIds: string[];
  ownerEntityId: string;
  startDate: string;
  endDate: string;
  evidenceLevel: number | '';
  evidenceTarget: number | '';
}

export type FieldErrors = Partial<Record<keyof ProjectFormValues, InputIssue>>;

export const emptyProjectForm: ProjectFormValues = {
  title: '',
  summary: '',
  stage: 1,
  status: 'active',
  innovationType: '',
  oecdFacet: '',
  pillarIds: [],
  ownerEntityId: '',
  startDate: '',
  endDate: '',
  evidenceLevel: '',
  evidenceTarget: '',
};

export const formFromProject = (p: Project): ProjectFormValues => ({
  title: p.title,
  summary: p.summary,
  stage: p.stage,
  status: p.status,
  innovationType: p.innovationType ?? '',
  oecdFacet: p.oecdFacet ?? '',
  pillarIds: p.pillarIds,
  ownerEntityId: p.ownerEntityId ?? '',
  startDate: p.startDate ?? '',
  endDate: p.endDate ?? '',
  evidenceLevel: p.evidenceLevel ?? '',
  evidenceTarget: p.evidenceTarget ?? '',
});

/** Whether the status is one the form may change (shelved and stopped change at a gate). */
export const statusEditable = (status: Project['status']) => status === 'active' || status === 'scaled';

const common = (v: ProjectFormValues) => ({
  title: v.title,
  summary: v.summary,
  innovationType: v.innovationType || null,
  oecdFacet: v.oecdFacet || null,
  pillarIds: v.pillarIds,
  ownerEntityId: v.ownerEntityId || null,
  startDate: v.startDate || null,
  endDate: v.endDate || null,
  evidenceLevel: v.evidenceLevel === '' ? null : v.evidenceLevel,
  evidenceTarget: v.evidenceTarget === '' ? null : v.evidenceTarget,
});

export const createInput = (v: ProjectFormValues) => ({ ...common(v), stage: v.stage });

export const patchInput = (v: ProjectFormValues) => {
  const status = v.status === 'active' || v.status === 'scaled' ? v.status : undefined;
  return status ? { ...common(v), status } : common(v);
};

/** The first issue for each form field; paths from `projects.update` start with 'patch'. */
export function fieldErrorsFrom(issues: readonly InputIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path[0] === 'patch' ? issue.path.slice(1) : issue.path;
    const field = path[0] as keyof ProjectFormValues;
    if (field in emptyProjectForm) errors[field] ??= issue;
  }
  return errors;
}

/** Checks the form with the same schema core uses, so the user learns of a problem before sending. */
export function checkForm(values: ProjectFormValues, mode: FormMode): FieldErrors {
  const input = mode === 'create' ? createInput(values) : patchInput(values);
  const parsed = (mode === 'create' ? ProjectCreateSchema : ProjectPatchSchema).safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(toInputIssues(parsed.error, input));
}
