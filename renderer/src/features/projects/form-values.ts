/**
 * What the project form edits, and how it becomes API input. Empty selects and dates are '' in the
 * form and null in the record. Errors (from local checks or the server) map to fields by path.
 */
import type { InputIssue } from '../../../../electron/shared/api/envelope';
import { toInputIssues } from '../../../../electron/shared/api/issues';
import { ProjectCreateSchema, type Project } from '../../../../electron/shared/domain/project';

export interface ProjectFormValues {
  title: string;
  summary: string;
  stage: number;
  status: Project['status'];
  innovationType: NonNullable<Project['innovationType']> | '';
  oecdFacet: NonNullable<Project['oecdFacet']> | '';
  pillarIds: string[];
  startDate: string;
  endDate: string;
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
  startDate: '',
  endDate: '',
};

export const formFromProject = (p: Project): ProjectFormValues => ({
  title: p.title,
  summary: p.summary,
  stage: p.stage,
  status: p.status,
  innovationType: p.innovationType ?? '',
  oecdFacet: p.oecdFacet ?? '',
  pillarIds: p.pillarIds,
  startDate: p.startDate ?? '',
  endDate: p.endDate ?? '',
});

export const inputFromForm = (v: ProjectFormValues) => ({
  title: v.title,
  summary: v.summary,
  stage: v.stage,
  status: v.status,
  innovationType: v.innovationType || null,
  oecdFacet: v.oecdFacet || null,
  pillarIds: v.pillarIds,
  startDate: v.startDate || null,
  endDate: v.endDate || null,
});

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
export function checkForm(values: ProjectFormValues): FieldErrors {
  const input = inputFromForm(values);
  const parsed = ProjectCreateSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(toInputIssues(parsed.error, input));
}
