/** A small Business Model Canvas board used by the export tests: Arabic, English, a cluster, a free note. */
import type { Board } from '../../../electron/shared/canvas/model';

const id = (n: number) => `01930000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const at = '2026-11-28T09:00:00.000Z';

export const fixtureBoard: Board = {
  canvas: { id: id(1), projectId: null, stage: 4, templateId: 'business-model-canvas', title: 'BMC <e-visa>', archived: false, noteCount: 4, createdAt: at, updatedAt: at },
  clusters: [{ id: id(9), canvasId: id(1), zoneKey: 'segments', label: 'Families', orderIndex: 'a0', version: 1 }],
  notes: [
    { id: id(2), canvasId: id(1), zoneKey: 'segments', clusterId: id(9), text: 'أولياء الأمور', color: 'pink', status: 'testing', author: 'Aziza', orderIndex: 'a0', x: null, y: null, version: 2, createdAt: at, updatedAt: at },
    { id: id(3), canvasId: id(1), zoneKey: 'channels', clusterId: null, text: 'SMS and mobile app عبر الهاتف', color: 'blue', status: null, author: null, orderIndex: 'a0', x: null, y: null, version: 1, createdAt: at, updatedAt: at },
    { id: id(5), canvasId: id(1), zoneKey: 'channels', clusterId: null, text: '<script>alert(1)</script> & "quotes"', color: 'green', status: 'validated', author: null, orderIndex: 'a1', x: null, y: null, version: 1, createdAt: at, updatedAt: at },
    { id: id(4), canvasId: id(1), zoneKey: null, clusterId: null, text: 'Parking lot', color: 'yellow', status: null, author: null, orderIndex: 'a0', x: 40, y: 10, version: 1, createdAt: at, updatedAt: at },
  ],
};
