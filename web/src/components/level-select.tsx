/**
 * The filter by administrative level that every list of bodies offers, with the levels and
 * their names from the one definition in src/register/bodies.ts.
 */
import { BODY_LEVEL_LABELS, BODY_LEVELS } from '../../../src/register/bodies.js';
import { Field } from './ui.js';

export function LevelSelect({ value, onChange, label = '机关层级', name }: { value: string; onChange: (level: string) => void; label?: string; name?: string }) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} {...(name ? { name } : {})} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">全部层级</option>
          {BODY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {BODY_LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
