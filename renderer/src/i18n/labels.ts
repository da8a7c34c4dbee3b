/**
 * Catalogue keys for values that come from the domain. Kept in one place so the catalogue test can
 * check that every enum value has its label in every language.
 */
import type { ErrorCode } from '../../../electron/shared/api/envelope';
import type { Language, Settings, ThemeName } from '../../../electron/shared/domain/settings';
import type { Project } from '../../../electron/shared/domain/project';

export const stageKey = (stage: number) => `stage.${stage}.name`;
export const evidenceKey = (level: number) => `evidence.level.${level}`;
export const decisionKey = (decision: string) => `gate.decision.${decision}`;
export const criterionKey = (key: string) => `gate.criterion.${key}`;
export const searchKindKey = (kind: string) => `search.kind.${kind}`;
export const ideaStatusKey = (status: string) => `ideas.status.${status}`;
export const scoreCriterionKey = (key: string) => `scoring.criterion.${key}`;
export const backupReasonKey = (reason: string) => `backups.reason.${reason}`;
export const noteColorKey = (color: string) => `canvas.color.${color}`;
export const noteStatusKey = (status: string) => `canvas.status.${status}`;
export const toolKey = (tool: string) => `tool.${tool}`;
export const personRoleKey = (role: string) => `person.role.${role}`;
export const memberRoleKey = (role: string) => `member.role.${role}`;
export const statusKey = (status: Project['status']) => `status.${status}`;
export const innovationTypeKey = (type: NonNullable<Project['innovationType']>) => `innovationType.${type}`;
export const facetKey = (facet: NonNullable<Project['oecdFacet']>) => `facet.${facet}`;
export const pillarKey = (key: string) => `pillar.${key}`;
export const languageKey = (language: Language) => `language.${language}`;
export const themeKey = (theme: ThemeName) => `theme.${theme}`;
export const calendarKey = (calendar: Settings['calendar']) => `calendar.${calendar}`;
export const numeralsKey = (numerals: Settings['numerals']) => `numerals.${numerals}`;
export const errorKey = (code: ErrorCode | 'network') => `errors.${code}`;
export const validationKey = (code: string) => `validation.${code}`;
export const activityKey = (action: string) => `activity.${action}`;
export const fieldKey = (field: string) => `project.field.${field}`;
