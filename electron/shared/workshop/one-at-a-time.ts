/**
 * Runs `read` one at a time; calls while it runs make exactly one more run after it, so a burst of
 * change signals costs one more read. Used by the participant page and by the bench's simulated
 * phones, which must behave like it.
 */
export function oneAtATime(read: () => Promise<void>) {
  let running = false;
  let again = false;
  return async () => {
    if (running) return void (again = true);
    running = true;
    do {
      again = false;
      await read();
    } while (again);
    running = false;
  };
}
