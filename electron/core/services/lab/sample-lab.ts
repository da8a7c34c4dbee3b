/**
 * The sample lab: a realistic small lab in Arabic, English, Uzbek and Russian, so a new user sees
 * the app working at once. It is built through the same handlers as everything else (so it obeys
 * every rule) and only ever into an empty workspace.
 */
import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/api/contract';

/** Calls a core method with raw input, parsed and defaulted by the contract like any door would. */
export type SyncCall = <M extends MethodName>(method: M, input: unknown) => MethodOutput<M>;

const PILLARS = {
  education: '01930000-0000-7000-8000-000000000001',
  sti: '01930000-0000-7000-8000-000000000002',
  ecosystem: '01930000-0000-7000-8000-000000000003',
  digital: '01930000-0000-7000-8000-000000000004',
};
const SCORE_CRITERIA = [
  '01930000-0000-7000-8000-000000001001',
  '01930000-0000-7000-8000-000000001002',
  '01930000-0000-7000-8000-000000001003',
  '01930000-0000-7000-8000-000000001004',
];

type ProjectSeed = Partial<ParsedInput<'projects.create'>> & { title: string; stage: number; shelve?: boolean; scaled?: boolean };

const PROJECTS: ProjectSeed[] = [
  { title: 'منصة المواعيد الموحدة للمراكز الصحية', summary: 'حجز موعد واحد لكل المراكز الصحية بدل الاتصال بكل مركز.', stage: 1, innovationType: 'service', oecdFacet: 'enhancement', pillarIds: [PILLARS.digital] },
  { title: 'Maktabgacha taʼlim navbati onlayn', summary: 'Ota-onalar bogʻcha navbatidagi oʻrnini onlayn koʻradi.', stage: 2, innovationType: 'service', oecdFacet: 'enhancement', pillarIds: [PILLARS.education, PILLARS.digital], evidenceLevel: 1 },
  { title: 'Open data for school meals', summary: 'Publish what every school kitchen buys and serves, so parents and suppliers can see it.', stage: 2, innovationType: 'policy', oecdFacet: 'mission_oriented', pillarIds: [PILLARS.education], evidenceLevel: 1 },
  { title: 'Цифровые навыки для сельских учителей', summary: 'Короткие практические курсы в школах, а не в областном центре.', stage: 3, innovationType: 'process', oecdFacet: 'adaptive', pillarIds: [PILLARS.education, PILLARS.sti], evidenceLevel: 2, evidenceTarget: 3 },
  { title: 'رخصة البناء في يوم واحد', summary: 'دمج موافقات البلدية والدفاع المدني والكهرباء في طلب واحد.', stage: 3, innovationType: 'process', oecdFacet: 'enhancement', pillarIds: [PILLARS.digital], evidenceLevel: 1 },
  { title: 'Grant matching for young researchers', summary: 'Match early-career researchers with the right national and international grants.', stage: 4, innovationType: 'technology', oecdFacet: 'mission_oriented', pillarIds: [PILLARS.sti, PILLARS.ecosystem], evidenceLevel: 2, evidenceTarget: 3 },
  { title: 'Mahalla maslahatchisi chat-boti', summary: 'Mahalla fuqarolarining koʻp beriladigan savollariga bir kunda javob.', stage: 4, innovationType: 'technology', oecdFacet: 'adaptive', pillarIds: [PILLARS.digital], evidenceLevel: 3, evidenceTarget: 4 },
  { title: 'Единое окно для малого бизнеса', summary: 'Регистрация, налоги и лицензии в одном месте, с одним консультантом.', stage: 5, innovationType: 'service', oecdFacet: 'enhancement', pillarIds: [PILLARS.ecosystem], evidenceLevel: 3, evidenceTarget: 4 },
  { title: 'برنامج المرشد الرقمي لكبار المواطنين', summary: 'متطوعون شباب يساعدون كبار المواطنين على استخدام الخدمات الحكومية الرقمية.', stage: 5, innovationType: 'service', oecdFacet: 'mission_oriented', pillarIds: [PILLARS.digital], evidenceLevel: 3 },
  { title: 'Regional innovation vouchers', summary: 'Small vouchers that let regional firms buy research from universities.', stage: 6, innovationType: 'policy', oecdFacet: 'mission_oriented', pillarIds: [PILLARS.sti, PILLARS.ecosystem], evidenceLevel: 4, evidenceTarget: 5, scaled: true },
  { title: 'Anticipatory skills foresight', summary: 'Yearly foresight on the skills the economy will need in ten years.', stage: 7, innovationType: 'system', oecdFacet: 'anticipatory', pillarIds: [PILLARS.education, PILLARS.sti], evidenceLevel: 2 },
  { title: 'Бумажные справки по запросу', summary: 'Справки выдаются только если их действительно требуют: остальное — через обмен данными.', stage: 3, innovationType: 'process', oecdFacet: 'enhancement', pillarIds: [PILLARS.digital], evidenceLevel: 1, shelve: true },
];

const RATIONALES = [
  'The problem is well evidenced and has a sponsor. — المشكلة موثقة ولها راعٍ.',
  'Ideas compared with users; one chosen. — Gʻoyalar foydalanuvchilar bilan solishtirildi.',
  'Prototype tested with real users. — Прототип проверен с реальными пользователями.',
  'The case is made: costs and benefits are known.',
  'Running in everyday practice; the owner has taken it over.',
  'Replicated in a second region.',
];

export function loadSampleLab(call: SyncCall) {
  const ministryUz = call('entities.create', { name: 'Maktabgacha va maktab taʼlimi vazirligi' });
  const ministryAe = call('entities.create', { name: 'وزارة تنمية المجتمع' });
  const cio = call('people.create', { name: 'Dilnoza Karimova', role: 'cio', entityId: ministryUz.id, email: 'd.karimova@example.uz' });
  const facilitator = call('people.create', { name: 'مريم الشامسي', role: 'facilitator', entityId: ministryAe.id });
  const member = call('people.create', { name: 'Aziz Rakhimov', role: 'team_member', entityId: ministryUz.id });
  const mentor = call('people.create', { name: 'Ольга Ким', role: 'mentor' });
  call('people.create', { name: 'Sardor Yusupov', role: 'sponsor', entityId: ministryUz.id });

  const kindergarten = call('challenges.create', {
    title: 'Parents wait months for a kindergarten place',
    hmw: 'How might we give every parent a fair, visible place in the queue?',
    context: 'Places are allocated by each kindergarten on paper; parents visit several to ask.',
    affected: 'Parents of children under six; kindergarten heads; district education offices.',
    evidence: 'Hotline records: one call in five is about the queue.',
    oecdFacet: 'enhancement',
  });
  const queues = call('challenges.create', {
    title: 'طوابير طويلة في مراكز خدمة المتعاملين',
    hmw: 'كيف يمكننا أن نقلل وقت الانتظار إلى أقل من عشر دقائق؟',
    context: 'يزور المتعاملون المراكز لخدمات يمكن إنجازها عن بُعد.',
    affected: 'المتعاملون، وموظفو الخدمة في المراكز.',
    oecdFacet: 'enhancement',
  });
  // A past campaign: it collects its ideas first, then gets its dates and is closed.
  const campaign = call('campaigns.create', { challengeId: kindergarten.id, title: 'Spring call for ideas' });
  const ideas = [
    call('ideas.create', { title: 'Online queue with SMS updates', description: 'Parents see their place and get a message when it moves.', authorName: 'Aziz Rakhimov', campaignId: campaign.id }),
    call('ideas.create', { title: 'Bogʻchalar xaritasi boʻsh oʻrinlar bilan', description: 'Har bir tumanda boʻsh oʻrinlarni xaritada koʻrsatish.', authorName: 'Dilnoza Karimova', campaignId: campaign.id }),
    call('ideas.create', { title: 'Paper list at every door', description: 'A printed list updated weekly.', challengeId: kindergarten.id }),
    call('ideas.create', { title: 'حجز موعد مسبق برسالة نصية', description: 'يحجز المتعامل موعده قبل الوصول ويصله تذكير.', authorName: 'مريم الشامسي', challengeId: queues.id }),
    call('ideas.create', { title: 'Выездной сотрудник в махаллях', description: 'Раз в неделю сотрудник центра принимает жителей на месте.', challengeId: queues.id }),
  ];
  call('campaigns.update', { id: campaign.id, patch: { opensOn: '2026-03-01', closesOn: '2026-03-31', state: 'closed' } });
  const scores: [number, string, number[]][] = [
    [0, cio.id, [4, 4, 5, 4]],
    [0, mentor.id, [3, 4, 5, 5]],
    [1, cio.id, [4, 3, 4, 3]],
    [1, mentor.id, [5, 3, 4, 3]],
    [2, mentor.id, [1, 5, 2, 2]],
    [3, facilitator.id, [3, 5, 4, 4]],
    [4, facilitator.id, [4, 2, 3, 3]],
  ];
  for (const [index, reviewerId, values] of scores) {
    call('ideas.score', { ideaId: ideas[index].id, reviewerId, scores: values.map((score, i) => ({ criterionId: SCORE_CRITERIA[i], score })) });
  }
  call('ideas.update', { id: ideas[2].id, patch: { status: 'shelved' } });
  const promoted = call('ideas.promote', { ideaId: ideas[0].id }).project;

  const projects = PROJECTS.map((seed, index) => {
    const { stage, shelve, scaled, evidenceLevel, ...fields } = seed;
    const project = call('projects.create', { ...fields, ownerEntityId: index % 3 === 1 ? ministryAe.id : ministryUz.id });
    for (let from = 1; from < stage; from++) {
      call('gates.decide', {
        projectId: project.id,
        decision: 'advance',
        rationale: RATIONALES[from - 1],
        decidedById: cio.id,
        decidedByName: cio.name,
        evidenceLevel: from === stage - 1 ? (evidenceLevel ?? null) : null,
      });
    }
    if (shelve) call('gates.decide', { projectId: project.id, decision: 'shelve', rationale: 'Waiting for the data-exchange law. — Ждём закон об обмене данными.', decidedById: cio.id, decidedByName: cio.name });
    if (scaled) call('projects.update', { id: project.id, patch: { status: 'scaled' } });
    return project;
  });
  call('projects.setMember', { projectId: promoted.id, personId: member.id, role: 'lead' });
  call('projects.setMember', { projectId: promoted.id, personId: mentor.id, role: 'mentor' });
  call('projects.setMember', { projectId: projects[3].id, personId: facilitator.id, role: 'member' });

  const cohort = call('cohorts.create', {
    name: 'Cohort 2026 — Tashkent',
    description: 'The first incubator cohort of the Government Innovation Diploma.',
    startsOn: '2026-02-01',
    endsOn: '2026-07-31',
    demoDay: '2026-07-20',
  });
  for (const project of [promoted, projects[1], projects[3], projects[5], projects[6]]) call('cohorts.addProject', { cohortId: cohort.id, projectId: project.id });
  const first = call('cohorts.addMilestone', { cohortId: cohort.id, title: 'Problem interviews done', dueOn: '2026-03-15' }).milestones[0];
  call('cohorts.updateMilestone', { id: first.id, done: true });
  call('cohorts.addMilestone', { cohortId: cohort.id, title: 'Prototype tested with users', dueOn: '2026-05-15' });
  call('cohorts.addMilestone', { cohortId: cohort.id, title: 'Demo day rehearsal', dueOn: '2026-07-13' });

  sampleCanvasAndPilot(call, promoted.id, cio.id);
}

/** Monthly days waited for a place, January to August 2026: the SMS updates start in April in the pilot district. */
const DAYS_WAITED = {
  pilot: [98, 95, 97, 74, 66, 61, 58, 57],
  comparison: [101, 99, 100, 98, 97, 99, 96, 98],
} as const;

/** The promoted project's problem tree from the first workshop, and the pilot it led to, with its KPI measured month by month. */
function sampleCanvasAndPilot(call: SyncCall, projectId: string, ownerId: string) {
  const tree = call('canvases.create', { templateId: 'problem-tree', title: 'Why parents wait — problem tree', projectId, stage: 1, language: 'en' });
  const notes: [string, string, 'yellow' | 'pink' | 'blue' | 'green'][] = [
    ['core-problem', 'Parents wait months for a kindergarten place and cannot see where they stand', 'pink'],
    ['effects', 'Parents visit several kindergartens to ask — ota-onalar bir necha bogʻchaga boradi', 'yellow'],
    ['effects', 'One hotline call in five is about the queue', 'yellow'],
    ['causes', 'Each kindergarten keeps its own paper list', 'blue'],
    ['causes', 'Нет общей очереди по району', 'blue'],
    ['root-causes', 'No data exchange between kindergartens and the district office', 'green'],
  ];
  call('notes.create', { canvasId: tree.id, notes: notes.map(([zoneKey, text, color]) => ({ zoneKey, text, color })) });

  const { pilot } = call('pilots.create', {
    projectId,
    title: 'SMS queue updates — Chilonzor district',
    problem: 'Parents do not know their place in the kindergarten queue.',
    intervention: 'An SMS to the parent each time their place moves, from the district office.',
    population: 'Families with a child under six on a kindergarten waiting list.',
    sites: 'Chilonzor (pilot), Yunusobod (comparison)',
    startsOn: '2026-01-01',
    endsOn: '2026-08-31',
    ownerId,
    design: 'difference_in_differences',
    unit: 'district-month',
    plannedSampleSize: 16,
    primaryOutcome: 'Days waited for a place',
    analysisPlan: 'Difference in differences of the monthly mean wait, January–March against April–August.',
    interventionOn: '2026-04-01',
  });
  call('pilots.linkCanvas', { pilotId: pilot.id, canvasId: tree.id });
  const kpi = call('pilots.addKpi', {
    pilotId: pilot.id,
    name: 'Days waited for a place',
    unit: 'days',
    direction: 'lower',
    kind: 'continuous',
    dataSource: 'District education office register',
    frequency: 'monthly',
    baselineValue: 97,
    baselineDate: '2026-03-31',
    target: 60,
    successThreshold: 75,
    primary: true,
  });
  call('pilots.lockProtocol', { id: pilot.id });
  for (const group of ['pilot', 'comparison'] as const) {
    DAYS_WAITED[group].forEach((value, month) => call('pilots.setMeasurement', { kpiId: kpi.id, group, period: `2026-0${month + 1}-01`, value }));
  }
}
