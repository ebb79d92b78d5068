import { useEffect, useState } from 'react';
import { useSession } from '../auth/index.js';
import { recordTitle } from '../records/record-title.js';
import { useDefinitions } from '../shell/index.js';
import { recordKeys, recordKeyText, type RecordKey } from './inbox-view.js';

/**
 * The titles (order numbers, NCR numbers) of the records a page of the inbox mentions: tasks and
 * instances carry only the record's id. A record the user may not read keeps its id.
 */
export function useRecordTitles(items: readonly { form: string | null; recordId: string | null }[] | undefined): (key: RecordKey) => string {
  const { api } = useSession();
  const { form } = useDefinitions();
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    if (items === undefined) return;
    let cancelled = false;
    const keys = recordKeys(items);
    Promise.all(
      keys.map(async (key) => {
        const definition = form(key.form);
        if (definition === undefined) return undefined;
        const record = await api.getRecord(key.form, key.recordId).catch(() => undefined);
        return record === undefined ? undefined : ([recordKeyText(key), recordTitle(definition, record)] as const);
      }),
    ).then((found) => {
      if (!cancelled) setTitles(new Map(found.filter((entry) => entry !== undefined)));
    });
    return () => {
      cancelled = true;
    };
  }, [api, form, items]);

  return (key) => titles.get(recordKeyText(key)) ?? key.recordId;
}
