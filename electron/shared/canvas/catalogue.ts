/**
 * The built-in canvas templates. Each file is imported by name (not globbed) so every bundle —
 * core, renderer, tests — carries exactly these, and each is validated once, at load: a broken
 * template stops the app at start with its file named, rather than drawing a broken canvas later.
 */
import assumptionsMap from '../../../resources/templates/canvas/assumptions-map.json';
import brainstormBoard from '../../../resources/templates/canvas/brainstorm-board.json';
import businessModelCanvas from '../../../resources/templates/canvas/business-model-canvas.json';
import citizenJourneyMap from '../../../resources/templates/canvas/citizen-journey-map.json';
import empathyMap from '../../../resources/templates/canvas/empathy-map.json';
import experimentCard from '../../../resources/templates/canvas/experiment-card.json';
import impactEffortMatrix from '../../../resources/templates/canvas/impact-effort-matrix.json';
import leanCanvas from '../../../resources/templates/canvas/lean-canvas.json';
import learningLog from '../../../resources/templates/canvas/learning-log.json';
import logicModel from '../../../resources/templates/canvas/logic-model.json';
import persona from '../../../resources/templates/canvas/persona.json';
import pestle from '../../../resources/templates/canvas/pestle.json';
import problemTree from '../../../resources/templates/canvas/problem-tree.json';
import retrospective from '../../../resources/templates/canvas/retrospective.json';
import riskMatrix from '../../../resources/templates/canvas/risk-matrix.json';
import scalingPlan from '../../../resources/templates/canvas/scaling-plan.json';
import serviceBlueprint from '../../../resources/templates/canvas/service-blueprint.json';
import stakeholderMap from '../../../resources/templates/canvas/stakeholder-map.json';
import swot from '../../../resources/templates/canvas/swot.json';
import systemsMap from '../../../resources/templates/canvas/systems-map.json';
import theoryOfChange from '../../../resources/templates/canvas/theory-of-change.json';
import valueFit from '../../../resources/templates/canvas/value-fit.json';
import type { Stage } from '../domain/project';
import { CanvasTemplateSchema, type CanvasTemplate } from './template';

/** Gallery order: by stage, and within a stage in the order DOMAIN.md lists the tools. */
const FILES: readonly (readonly [string, unknown])[] = [
  ['problem-tree', problemTree],
  ['stakeholder-map', stakeholderMap],
  ['empathy-map', empathyMap],
  ['persona', persona],
  ['citizen-journey-map', citizenJourneyMap],
  ['service-blueprint', serviceBlueprint],
  ['pestle', pestle],
  ['swot', swot],
  ['brainstorm-board', brainstormBoard],
  ['impact-effort-matrix', impactEffortMatrix],
  ['assumptions-map', assumptionsMap],
  ['experiment-card', experimentCard],
  ['learning-log', learningLog],
  ['theory-of-change', theoryOfChange],
  ['logic-model', logicModel],
  ['business-model-canvas', businessModelCanvas],
  ['lean-canvas', leanCanvas],
  ['value-fit', valueFit],
  ['risk-matrix', riskMatrix],
  ['retrospective', retrospective],
  ['scaling-plan', scalingPlan],
  ['systems-map', systemsMap],
];

/** Validates one template file; throws naming the file, so a bad one is found at start. */
export function loadTemplate(fileId: string, data: unknown): CanvasTemplate {
  const file = `resources/templates/canvas/${fileId}.json`;
  const parsed = CanvasTemplateSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`Canvas template ${file} is not valid: ${problems}`);
  }
  if (parsed.data.id !== fileId) throw new Error(`Canvas template ${file} has id "${parsed.data.id}"; the id must match the file name.`);
  return parsed.data;
}

export const BUILT_IN_TEMPLATES: readonly CanvasTemplate[] = Object.freeze(FILES.map(([id, data]) => loadTemplate(id, data)));

const BY_ID = new Map(BUILT_IN_TEMPLATES.map((t) => [t.id, t]));
const BY_TOOL = new Map(BUILT_IN_TEMPLATES.filter((t) => t.stageTool).map((t) => [t.stageTool!, t]));

export function findTemplate(id: string): CanvasTemplate | undefined {
  return BY_ID.get(id);
}

export function templatesForStage(stage: Stage): CanvasTemplate[] {
  return BUILT_IN_TEMPLATES.filter((t) => t.stages.includes(stage));
}

/** The template that stands for a stage tool (STAGE_TOOLS), so the project page can open it. */
export function templateForStageTool(tool: string): CanvasTemplate | undefined {
  return BY_TOOL.get(tool);
}
