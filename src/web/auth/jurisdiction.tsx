import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { api, type Schemas, unwrap } from '../api/client';
import { useAuth } from './auth';

export type Jurisdiction = Schemas['Jurisdiction'];

export interface JurisdictionNode {
  value: string;
  title: string;
  key: string;
  level: Jurisdiction['level'];
  children?: JurisdictionNode[];
}

interface JurisdictionState {
  /** Every jurisdiction in the user's scope. */
  all: Jurisdiction[];
  byCode: Map<string, Jurisdiction>;
  tree: JurisdictionNode[];
  /** The jurisdiction the pages work on: the user's own, or one below it chosen in the header. */
  current: Jurisdiction | null;
  setCurrent(code: string): void;
}

const JurisdictionContext = createContext<JurisdictionState | null>(null);

export function buildTree(items: Jurisdiction[]): JurisdictionNode[] {
  const nodes = new Map<string, JurisdictionNode>();
  for (const j of items) nodes.set(j.code, { value: j.code, key: j.code, title: j.name, level: j.level });
  const roots: JurisdictionNode[] = [];
  for (const j of items) {
    const node = nodes.get(j.code) as JurisdictionNode;
    const parent = j.parentCode ? nodes.get(j.parentCode) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

export function JurisdictionProvider({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const [all, setAll] = useState<Jurisdiction[]>([]);
  const [currentCode, setCurrentCode] = useState<string | null>(null);

  useEffect(() => {
    if (!me) {
      setAll([]);
      setCurrentCode(null);
      return;
    }
    setCurrentCode(me.jurisdiction.code);
    unwrap(api.GET('/api/jurisdictions', { params: { query: {} } }))
      .then((r) => setAll(r.items))
      .catch(() => setAll([]));
  }, [me]);

  const value = useMemo<JurisdictionState>(() => {
    const byCode = new Map(all.map((j) => [j.code, j]));
    return {
      all,
      byCode,
      tree: buildTree(all),
      current: (currentCode && byCode.get(currentCode)) || null,
      setCurrent: setCurrentCode,
    };
  }, [all, currentCode]);
  return <JurisdictionContext.Provider value={value}>{children}</JurisdictionContext.Provider>;
}

export function useJurisdiction(): JurisdictionState {
  const value = useContext(JurisdictionContext);
  if (!value) throw new Error('useJurisdiction outside JurisdictionProvider');
  return value;
}
