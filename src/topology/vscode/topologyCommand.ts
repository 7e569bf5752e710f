/** "Show Topology": the picture of a hub's network, or of the VNet of a private endpoint, from the tree's model. */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { sameResourceId } from '../../model/armIds';
import type { HubsTreeModel } from '../../tree/model';
import type { NodeView } from '../../tree/nodeView';
import { hubGraph, virtualNetworkGraph, type AssessedHub } from '../graph';
import { layoutGraph } from '../layout';
import { showTopology, type TopologyActions } from './topologyPanel';

export async function showTopologyOf(
  model: HubsTreeModel,
  actions: TopologyActions,
  node: NodeView | undefined,
): Promise<vscode.WebviewPanel | undefined> {
  const hubs = assessedHubs(model);
  if (node?.context === 'privateEndpointConnection') {
    const hub = hubs.find(({ state }) => sameResourceId(state.workspace.id, node.hubId));
    const endpoint = hub?.state.privateEndpointConnections.find((connection) =>
      sameResourceId(connection.id, node.id),
    )?.privateEndpoint;
    if (!endpoint) throw new Error(l10n.t('The endpoint could not be read, so its VNet is unknown: refresh the hub.'));
    return showTopology(layoutGraph(virtualNetworkGraph(endpoint.virtualNetworkId, hubs)), actions);
  }
  const hubId = node?.hubId ?? (await pickHub(hubs));
  if (!hubId) return undefined;
  const hub = hubs.find(({ state }) => sameResourceId(state.workspace.id, hubId));
  if (!hub)
    throw new Error(
      l10n.t('This hub has not been read yet (or its read failed): expand it in the Foundry view, then try again.'),
    );
  return showTopology(layoutGraph(hubGraph(hub)), actions);
}

function assessedHubs(model: HubsTreeModel): AssessedHub[] {
  return model
    .resources()
    .flatMap((entry) =>
      entry.details?.kind === 'hub' ? [{ state: entry.details.state, assessment: entry.details.assessment }] : [],
    );
}

async function pickHub(hubs: readonly AssessedHub[]): Promise<string | undefined> {
  if (hubs.length === 0) throw new Error(l10n.t('No hub has been read yet: open the Foundry view and sign in first.'));
  const picked = await vscode.window.showQuickPick(
    hubs.map(({ state, assessment }) => ({
      label: state.workspace.name,
      description: `${assessment.verdict.label} · ${state.workspace.location}`,
      id: state.workspace.id,
    })),
    { title: l10n.t('Show Topology'), placeHolder: l10n.t('The hub whose network to draw') },
  );
  return picked?.id;
}
