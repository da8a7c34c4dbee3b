import { usePrint } from '../../components/use-print';
import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Portal from '@mui/material/Portal';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../../electron/shared/canvas/model';
import type { CanvasTemplate } from '../../../../electron/shared/canvas/template';
import { useApiClient } from '../../api/api-context';
import { ApiCallError } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { downloadBlob } from '../../components/download';
import { canvasCsv, canvasJson, canvasPng, canvasSvg, fileName } from './export-files';

/**
 * Export the canvas as JSON Canvas, SVG, PNG or CSV, or print it (A4 landscape; "Save as PDF" in
 * the print dialog). Printing shows only the exported picture, so the page prints like the file.
 */
export function ExportMenu({ board, template, onError }: { board: Board; template: CanvasTemplate | undefined; onError(error: Error): void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [printUrl, setPrintUrl] = useState<string | null>(null);
  const printer = usePrint();
  const client = useApiClient();
  // The note links go into the JSON Canvas file (edges on the board, the rest under our key).
  const links = async () => {
    const result = await client.call('noteLinks.forCanvas', { canvasId: board.canvas.id });
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value;
  };
  useEffect(() => {
    if (printer.error) onError(printer.error);
  }, [printer.error, onError]);
  const title = board.canvas.title;
  const named = (extension: string) => fileName(title, extension, t('canvas.links.canvas'));
  const run = (make: () => Promise<void> | void) => {
    setAnchor(null);
    void Promise.resolve()
      .then(make)
      .catch((e: unknown) => onError(e instanceof Error ? e : new Error(String(e))));
  };
  const svg = () => canvasSvg(board, template, settings.language, t);
  return (
    <>
      <Button startIcon={<DownloadIcon />} aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)}>
        {t('canvas.export.button')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => run(async () => downloadBlob(new Blob([canvasJson(board, template, settings.language, await links())], { type: 'application/json' }), named('canvas')))}>
          {t('canvas.export.jsonCanvas')}
        </MenuItem>
        <MenuItem onClick={() => run(async () => downloadBlob(new Blob([await svg()], { type: 'image/svg+xml' }), named('svg')))}>{t('canvas.export.svg')}</MenuItem>
        <MenuItem onClick={() => run(async () => downloadBlob(await canvasPng(await svg()), named('png')))}>{t('canvas.export.png')}</MenuItem>
        <MenuItem onClick={() => run(() => downloadBlob(canvasCsv(board, template, settings.language, t), named('csv')))}>{t('canvas.export.csv')}</MenuItem>
        <MenuItem
          onClick={() =>
            run(async () => {
              if (printUrl) URL.revokeObjectURL(printUrl);
              setPrintUrl(URL.createObjectURL(new Blob([await svg()], { type: 'image/svg+xml' })));
            })
          }
        >
          {t(printer.savesPdf ? 'print.savePdf' : 'canvas.export.print')}
        </MenuItem>
      </Menu>
      {printUrl && (
        <>
          <GlobalStyles
            styles={{
              '@page': { size: 'A4 landscape', margin: '10mm' },
              // Only the picture is printed. The app around it leaves the layout rather than being
              // hidden in place: hidden, it still ran on past the first page, and Chromium printed
              // that as a second, blank page. The picture fills the page area exactly.
              '@media print': {
                'body > :not([data-canvas-print])': { display: 'none !important' },
                'html, body': { height: 'auto !important', minHeight: '0 !important', margin: '0 !important', padding: '0 !important' },
                body: { printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' },
                '[data-canvas-print]': { display: 'block !important', width: '100%', height: '100vh', overflow: 'hidden', breakInside: 'avoid' },
              },
            }}
          />
          {/* Straight under <body>, so that printing can leave out everything else there. */}
          <Portal>
            <Box data-canvas-print="" sx={{ display: 'none' }}>
              <img src={printUrl} alt={title} style={{ display: 'block', width: '100%', height: '100%', objectFit: 'contain' }} onLoad={() => printer.print(title, true)} />
            </Box>
          </Portal>
        </>
      )}
    </>
  );
}
