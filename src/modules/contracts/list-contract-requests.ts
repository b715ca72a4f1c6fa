// The console's queue of applications: cancellations (and changes) by state, oldest wish first, with the contract and member they belong to.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contractRequests, contracts } from '../../db/schema/contracts.js';
import { findMemberContacts } from '../identity/index.js';
import { type ContractRequestView, contractRequestView } from './contract-request-view.js';

export interface ContractRequestQueueItem extends ContractRequestView {
  contract: { id: string; number: string; productNameJa: string; productNameEn: string; status: string };
  member: { id: string; loginId: string; name: string; companyName: string | null };
}

/** Applications in a state (`requested` by default), the earliest wished date first; at most 200. */
export async function listContractRequests(
  db: DbOrTx,
  input: { state?: ContractRequestView['state'] | undefined } = {},
): Promise<ContractRequestQueueItem[]> {
  const rows = await db
    .select({ request: contractRequests, contract: contracts })
    .from(contractRequests)
    .innerJoin(contracts, eq(contracts.id, contractRequests.contractId))
    .where(eq(contractRequests.state, input.state ?? 'requested'))
    .orderBy(asc(contractRequests.desiredDate), asc(contractRequests.id))
    .limit(200);
  const memberContacts = await findMemberContacts(
    db,
    rows.map((row) => row.contract.memberId),
  );
  // Every contract has its member (a foreign key): the filter only narrows the type.
  return rows
    .flatMap(({ request, contract }) => {
      const member = memberContacts.get(contract.memberId);
      return member ? [{ request, contract, member }] : [];
    })
    .map(({ request, contract, member }) => ({
      ...contractRequestView(request),
      contract: {
        id: contract.id,
        number: contract.number,
        productNameJa: contract.productNameJa,
        productNameEn: contract.productNameEn,
        status: contract.status,
      },
      member: { id: member.id, loginId: member.loginId, name: member.name, companyName: member.companyName },
    }));
}
