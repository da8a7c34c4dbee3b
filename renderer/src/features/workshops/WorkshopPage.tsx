/**
 * The facilitator's screen for a canvas (`#/canvases/<id>/workshop`): the workshop controls above
 * the canvas board itself, so the facilitator sees participants' notes arrive while running the room.
 */
import Box from '@mui/material/Box';
import { CanvasPage } from '../canvases/CanvasPage';
import { FacilitatorBar } from './FacilitatorBar';

export function WorkshopPage({ id }: { id: string }) {
  return (
    <Box>
      <FacilitatorBar canvasId={id} />
      <CanvasPage id={id} />
    </Box>
  );
}
