/**
 * The honeypot: a "Website" field off screen, hidden from screen readers and the tab order, so
 * people leave it empty; the server drops a form that arrives with it filled in (a bot's).
 */
export function Honeypot({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div style={{ position: 'absolute', left: -10000 }} aria-hidden="true">
      <label>
        Website
        <input
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      </label>
    </div>
  );
}
