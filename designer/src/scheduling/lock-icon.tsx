/** A padlock drawn inline: an emoji lock depends on the viewer's fonts and prints as a box on many. */
export function LockIcon() {
  return (
    <svg className="lock-icon" width="10" height="11" viewBox="0 0 10 11" aria-hidden="true">
      <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <rect x="1" y="5" width="8" height="6" rx="1.2" fill="currentColor" />
    </svg>
  );
}
