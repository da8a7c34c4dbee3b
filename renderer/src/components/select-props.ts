/** For selects whose empty value means "all" or "not set": show that label instead of looking unfilled. */
export const SHOW_EMPTY_CHOICE = { inputLabel: { shrink: true }, select: { displayEmpty: true } } as const;
