/**
 * The tools DOMAIN.md recommends at each stage. They are named here (and translated in the
 * catalogue); once canvases exist, the canvas templates among them link to the gallery.
 */
export const STAGE_TOOLS: Record<number, readonly string[]> = {
  1: ['challenge_statement', 'problem_tree', 'stakeholder_map', 'empathy_map', 'persona', 'journey_map', 'service_blueprint', 'pestle', 'swot', 'research_insights'],
  2: ['idea_bank', 'brainstorm_board', 'dot_voting', 'impact_effort', 'idea_scorecards', 'idea_shelf'],
  3: ['assumptions_map', 'experiment_card', 'learning_log', 'prototype_log'],
  4: ['theory_of_change', 'logic_model', 'business_model_canvas', 'value_fit', 'business_case', 'pilot_evaluation', 'gate_decision'],
  5: ['implementation_plan', 'raci', 'risk_matrix', 'milestones', 'status_reports', 'retrospective'],
  6: ['scaling_plan', 'replication_card'],
  7: ['systems_map', 'portfolio_sensemaking'],
};
