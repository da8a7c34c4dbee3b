import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { ImportBundleDialog } from './ImportBundleDialog';

const isBundle = (file: File | undefined): file is File => file !== undefined && file.name.toLowerCase().endsWith('.ibtikar');

/** What the import opens with: a file dropped on the window, or a bundle the OS handed the desktop app. */
type Incoming = { kind: 'dropped'; file: File } | { kind: 'opened'; fileName: string };

/**
 * Opens the import for a `.ibtikar` file dropped anywhere on the window, and for each bundle the
 * operating system handed the desktop app (double-click, Open with, File ▸ Import), one at a time.
 */
export function BundleDropZone() {
  const client = useApiClient();
  const [queue, setQueue] = useState<Incoming[]>([]);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const dropped = e.dataTransfer?.files[0];
      if (!isBundle(dropped)) return;
      e.preventDefault();
      setQueue((q) => [...q, { kind: 'dropped', file: dropped }]);
    };
    // Bundles received before this view existed wait in core; the event says when more arrive.
    const take = async () => {
      const result = await client.call('bundles.takeOpened', {});
      if (result.ok && result.value.length > 0) setQueue((q) => [...q, ...result.value.map((fileName) => ({ kind: 'opened' as const, fileName }))]);
    };
    void take();
    const unsubscribe = client.onEvent((event) => event.type === 'bundle.opened' && void take());
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      unsubscribe();
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [client]);
  const current = queue[0];
  if (!current) return null;
  const next = () => setQueue((q) => q.slice(1));
  return current.kind === 'dropped' ? (
    <ImportBundleDialog key={`${current.file.name}-${current.file.lastModified}`} file={current.file} onClose={next} />
  ) : (
    <ImportBundleDialog key={current.fileName} inboxFileName={current.fileName} onClose={next} />
  );
}
