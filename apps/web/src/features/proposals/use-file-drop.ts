import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Dropping a file onto an element (a document's slot): answers the callback ref to give the element and
 * whether a file is being dragged over it, and hands the first dropped file to `onFile`. Dropping
 * is an addition for pointer users only: the slot's labelled file input stays the way to upload
 * by keyboard, so the element itself needs no role or key handling.
 */
export function useFileDrop<T extends HTMLElement>(
  onFile: (file: File) => void,
  enabled: boolean,
): { readonly attach: (element: T | null) => (() => void) | undefined; readonly dragging: boolean } {
  const latest = useRef(onFile);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    latest.current = onFile;
  }, [onFile]);

  const attach = useCallback(
    (element: T | null) => {
      if (!element || !enabled) return undefined;
      // enter and leave fire for every child crossed; the drag is over the element while they do not balance.
      let depth = 0;
      const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
      const enter = (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth += 1;
        setDragging(true);
      };
      const over = (event: DragEvent) => {
        if (!carriesFiles(event) || !event.dataTransfer) return;
        // Without this the browser would open the file instead of dropping it here.
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      };
      const leave = () => {
        depth = Math.max(0, depth - 1);
        if (depth === 0) setDragging(false);
      };
      const drop = (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth = 0;
        setDragging(false);
        const file = event.dataTransfer?.files[0];
        if (file) latest.current(file);
      };
      element.addEventListener('dragenter', enter);
      element.addEventListener('dragover', over);
      element.addEventListener('dragleave', leave);
      element.addEventListener('drop', drop);
      return () => {
        element.removeEventListener('dragenter', enter);
        element.removeEventListener('dragover', over);
        element.removeEventListener('dragleave', leave);
        element.removeEventListener('drop', drop);
        setDragging(false);
      };
    },
    [enabled],
  );

  return { attach, dragging };
}
