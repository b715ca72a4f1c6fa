// The console hides the contract actions an operator's roles would be refused: its role checks must say what the server's permission map says.
import { describe, expect, it } from 'vitest';
import { mayPerform, operatorRoleNames } from '../../src/modules/operators/index.js';
import { mayDecideContracts, maySuspendContracts } from '../../web/src/api/contracts.js';

describe('contract action buttons follow the server permissions', () => {
  it('shows confirm (contracts.decide) and suspend (contracts.suspend) to exactly the roles allowed', () => {
    for (const role of operatorRoleNames) {
      expect([role, mayDecideContracts([role])]).toEqual([role, mayPerform([role], 'contracts.decide')]);
      expect([role, maySuspendContracts([role])]).toEqual([role, mayPerform([role], 'contracts.suspend')]);
    }
    // Spelled out, so a change of the map is a visible change here too.
    expect(operatorRoleNames.filter((role) => mayDecideContracts([role]))).toEqual(['owner', 'support']);
    expect(mayDecideContracts(['billing', 'catalog'])).toBe(false);
  });
});
