/** Every wizard by id: what the commands, the findings' fixes and Verify's fix actions start. */
import type { WizardDefinition, WizardResult, WizardServices } from './framework/wizard';
import { runWizard } from './framework/wizard';
import type { WizardId } from './ids';
import { addDependencyPrivateEndpointsWizard } from './flows/addDependencyPrivateEndpoints';
import { addPrivateEndpointWizard } from './flows/addPrivateEndpoint';
import { configurePrivateDnsWizard } from './flows/configurePrivateDns';
import { configurePrivateStorageAccessWizard } from './flows/configurePrivateStorageAccess';
import { approveOrRejectConnectionWizard } from './flows/approveOrRejectConnection';
import { editIpRulesWizard } from './flows/editIpRules';
import { exportCustomDnsRecordsWizard } from './flows/exportCustomDnsRecords';
import { removePrivateEndpointWizard } from './flows/removePrivateEndpoint';
import { disableDependencyPublicAccessWizard } from './flows/disableDependencyPublicAccess';
import { resumeOrRollBackWizard } from './flows/resumeOrRollBack';
import { setPublicNetworkAccessWizard } from './flows/setPublicNetworkAccess';
import { verifyPrivateEndpointWizard } from './flows/verifyPrivateEndpoint';

// Each entry keeps its own context type; the catalog only needs to start them.
export const WIZARDS: Readonly<Record<WizardId, WizardDefinition<object>>> = {
  addPrivateEndpoint: addPrivateEndpointWizard as WizardDefinition<object>,
  configurePrivateDns: configurePrivateDnsWizard as WizardDefinition<object>,
  verifyPrivateEndpoint: verifyPrivateEndpointWizard as WizardDefinition<object>,
  removePrivateEndpoint: removePrivateEndpointWizard as WizardDefinition<object>,
  approveOrRejectConnection: approveOrRejectConnectionWizard as WizardDefinition<object>,
  setPublicNetworkAccess: setPublicNetworkAccessWizard as WizardDefinition<object>,
  editIpRules: editIpRulesWizard as WizardDefinition<object>,
  exportCustomDnsRecords: exportCustomDnsRecordsWizard as WizardDefinition<object>,
  disableDependencyPublicAccess: disableDependencyPublicAccessWizard as WizardDefinition<object>,
  addDependencyPrivateEndpoints: addDependencyPrivateEndpointsWizard as WizardDefinition<object>,
  resumeOrRollBack: resumeOrRollBackWizard as WizardDefinition<object>,
  configurePrivateStorageAccess: configurePrivateStorageAccessWizard as WizardDefinition<object>,
};

/** Runs a wizard; Verify's fixes start other wizards through the same services. */
export function startWizard(id: WizardId, args: readonly unknown[], services: WizardServices): Promise<WizardResult> {
  const withStart: WizardServices = {
    ...services,
    startWizard: (next, nextArgs) => startWizard(next, nextArgs, services),
  };
  return runWizard(WIZARDS[id], args, withStart);
}
