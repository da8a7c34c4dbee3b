import SearchIcon from '@mui/icons-material/Search';
import TranslateIcon from '@mui/icons-material/Translate';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, directionOf } from '../../../electron/shared/domain/settings';
import { useApiMutation } from '../api/hooks';
import { BoardPage } from '../features/board/BoardPage';
import { CanvasPage } from '../features/canvases/CanvasPage';
import { CanvasesPage } from '../features/canvases/CanvasesPage';
import { ChallengePage } from '../features/challenges/ChallengePage';
import { CohortPage } from '../features/cohorts/CohortPage';
import { CohortsPage } from '../features/cohorts/CohortsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ChallengesPage } from '../features/challenges/ChallengesPage';
import { IdeaPage } from '../features/ideas/IdeaPage';
import { IdeasPage } from '../features/ideas/IdeasPage';
import { PilotPage } from '../features/pilots/PilotPage';
import { PilotReport } from '../features/pilots/report/PilotReport';
import { PeoplePage } from '../features/people/PeoplePage';
import { ProjectPage } from '../features/projects/ProjectPage';
import { ProjectsPage } from '../features/projects/ProjectsPage';
import { SearchPage } from '../features/search/SearchPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { languageKey } from '../i18n/labels';
import { ProjectorView } from '../features/workshops/ProjectorView';
import { WorkshopSummaryPage } from '../features/workshops/WorkshopSummaryPage';
import { hrefFor, navigate, useNewPageStart, useRoute, type Route } from './router';
import { useDocumentTitle } from './use-document-title';
import { useSettings } from './settings-context';
import { BundleDropZone } from '../features/bundles/BundleDropZone';

const NAV: { route: Route; label: string }[] = [
  { route: { name: 'projects' }, label: 'nav.projects' },
  { route: { name: 'board' }, label: 'nav.board' },
  { route: { name: 'dashboard' }, label: 'nav.dashboard' },
  { route: { name: 'challenges' }, label: 'nav.challenges' },
  { route: { name: 'ideas' }, label: 'nav.ideas' },
  { route: { name: 'cohorts' }, label: 'nav.cohorts' },
  { route: { name: 'canvases' }, label: 'nav.canvases' },
  { route: { name: 'people' }, label: 'nav.people' },
  { route: { name: 'settings' }, label: 'nav.settings' },
];

/** Search across the lab from any screen; results open on their own page. */
function SearchBox({ current }: { current: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(current);
  return (
    <Box
      component="form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        navigate({ name: 'search', text });
      }}
      sx={{ display: 'flex', alignItems: 'center', bgcolor: 'background.paper', borderRadius: 1, pl: 1 }}
    >
      <TextField
        size="small"
        variant="standard"
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        slotProps={{ input: { disableUnderline: true }, htmlInput: { 'aria-label': t('search.label'), dir: 'auto' } }}
        sx={{ width: { xs: 120, lg: 150, xl: 200 } }}
      />
      <IconButton type="submit" size="small" aria-label={t('search.submit')}>
        <SearchIcon />
      </IconButton>
    </Box>
  );
}

function LanguageMenu() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const update = useApiMutation('settings.update');
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<TranslateIcon />}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-label={t('language.choose', { current: t(languageKey(settings.language)) })}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        <span lang={settings.language}>{t(languageKey(settings.language))}</span>
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LANGUAGES.map((language) => (
          <MenuItem
            key={language}
            lang={language}
            dir={directionOf(language)}
            selected={language === settings.language}
            onClick={() => {
              setAnchor(null);
              update.mutate({ language });
            }}
          >
            {t(languageKey(language))}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

function Page({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'projects':
      return <ProjectsPage />;
    case 'project':
      return <ProjectPage id={route.id} />;
    case 'board':
      return <BoardPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'challenges':
      return <ChallengesPage />;
    case 'challenge':
      return <ChallengePage id={route.id} />;
    case 'ideas':
      return <IdeasPage />;
    case 'cohorts':
      return <CohortsPage />;
    case 'cohort':
      return <CohortPage id={route.id} />;
    case 'idea':
      return <IdeaPage id={route.id} />;
    case 'people':
      return <PeoplePage />;
    case 'pilot':
      return <PilotPage id={route.id} />;
    case 'pilotReport':
      return <PilotReport id={route.id} languages={route.languages} />;
    case 'search':
      return <SearchPage text={route.text} />;
    case 'settings':
      return <SettingsPage />;
    case 'canvases':
      return <CanvasesPage />;
    case 'canvas':
      return <CanvasPage id={route.id} />;
    case 'projector':
      return <ProjectorView canvasId={route.id} />;
    case 'workshopSummary':
      return <WorkshopSummaryPage id={route.id} />;
    default:
      return (
        <Typography variant="h4" component="h1">
          {t('errors.pageNotFound')}
        </Typography>
      );
  }
}

/** The frame of every screen: a skip link, the app bar with navigation and language, and the page. */
export function Shell() {
  const { t } = useTranslation();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  useNewPageStart(main);
  useDocumentTitle(main, t('app.name'));
  // The section a record's page belongs to, for the navigation's current marker.
  const section = ({ project: 'projects', challenge: 'challenges', idea: 'ideas', cohort: 'cohorts', canvas: 'canvases', pilot: 'projects', pilotReport: 'projects', workshopSummary: 'canvases' } as Record<string, string>)[route.name] ?? route.name;
  return (
    <>
      <Button
        onClick={() => main.current?.focus()}
        sx={{ position: 'absolute', insetInlineStart: 8, top: -100, zIndex: 2000, bgcolor: 'background.paper', '&:focus-visible': { top: 8 } }}
      >
        {t('app.skipToContent')}
      </Button>
      <AppBar position="static" component="header" elevation={0}>
        {/* Wraps onto more rows where the window is narrow or the labels long, with room between the rows. */}
        <Toolbar sx={{ columnGap: 1.5, rowGap: 1, py: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="p" sx={{ fontWeight: 700 }}>
            {t('app.name')}
          </Typography>
          <Box component="nav" aria-label={t('nav.label')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, flexGrow: 1 }}>
            {NAV.map((item) => (
              <Button
                key={item.route.name}
                color="inherit"
                href={hrefFor(item.route)}
                aria-current={section === item.route.name ? 'page' : undefined}
                sx={{ minWidth: 0, px: 0.75, textDecoration: section === item.route.name ? 'underline' : 'none', textUnderlineOffset: 6, textDecorationThickness: 2 }}
              >
                {t(item.label)}
              </Button>
            ))}
          </Box>
          <SearchBox key={route.name === 'search' ? route.text : ''} current={route.name === 'search' ? route.text : ''} />
          <LanguageMenu />
        </Toolbar>
      </AppBar>
      <Container component="main" ref={main} tabIndex={-1} maxWidth="lg" sx={{ py: 3, outline: 'none' }}>
        <Page route={route} />
      </Container>
      <BundleDropZone />
    </>
  );
}
