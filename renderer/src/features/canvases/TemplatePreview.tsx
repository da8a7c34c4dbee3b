import { templateZoneRect, type CanvasTemplate } from '../../../../electron/shared/canvas/template';
import { directionOf, type Language } from '../../../../electron/shared/domain/settings';

/** Every preview has the same 16:10 frame, so a gallery of them lines up whatever the grid. */
const VIEW_WIDTH = 160;
const VIEW_HEIGHT = 100;
/** Space between neighbouring zones, in view units, so each zone reads as its own box. */
const GAP = 2;

interface TemplatePreviewProps {
  template: Pick<CanvasTemplate, 'title' | 'grid' | 'zones'>;
  /** The UI language: names the picture and decides the direction, as the board itself does. */
  language: Language;
  /** Rendered width in CSS pixels; the height follows the frame. */
  width?: number;
}

/**
 * A thumbnail of a template's zones. Right to left it is mirrored exactly as the board will be
 * (through templateZoneRect); each zone carries a short bar where its title will stand, at the
 * inline start, so the mirroring is visible. Colours come from `currentColor` to follow the theme.
 */
export function TemplatePreview({ template, language, width = VIEW_WIDTH }: TemplatePreviewProps) {
  const direction = directionOf(language);
  const unitX = VIEW_WIDTH / template.grid.columns;
  const unitY = VIEW_HEIGHT / template.grid.rows;
  return (
    <svg
      role="img"
      aria-label={template.title[language]}
      viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
      width={width}
      height={(width * VIEW_HEIGHT) / VIEW_WIDTH}
      xmlns="http://www.w3.org/2000/svg"
    >
      {template.zones.map((zone) => {
        const rect = templateZoneRect(template, zone.key, direction);
        const x = rect.left * unitX + GAP / 2;
        const y = rect.top * unitY + GAP / 2;
        const w = rect.width * unitX - GAP;
        const h = rect.height * unitY - GAP;
        const barWidth = Math.min(w * 0.6, 28);
        const barX = direction === 'rtl' ? x + w - 3 - barWidth : x + 3;
        return (
          <g key={zone.key} data-zone={zone.key}>
            <rect x={round(x)} y={round(y)} width={round(w)} height={round(h)} rx={1.5} fill="currentColor" fillOpacity={0.08} stroke="currentColor" strokeOpacity={0.45} strokeWidth={0.75} />
            <rect data-title-bar="" x={round(barX)} y={round(y + 3)} width={round(barWidth)} height={2} rx={1} fill="currentColor" fillOpacity={0.55} />
          </g>
        );
      })}
    </svg>
  );
}

/** Two decimals keep the markup short and identical from run to run. */
const round = (n: number) => Math.round(n * 100) / 100;
