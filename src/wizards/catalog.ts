/** Every wizard by id: what the commands, the findings' fixes and Verify's fix actions start. */
import type { WizardDefinition, WizardResult, WizardServices } from './framework/wizard';
import { runWizard } from './framework/wizard';
import type { WizardId } from './ids';
import { addDependencyEndpointsWizard } from './flows/addDependencyEndpoints';
import { addPrivateEndpointWizard } from './flows/addPrivateEndpoint';
import { configurePrivateDnsWizard } from './flows/configurePrivateDns';
import { configureStorageAccessWizard } from './flows/configureStorageAccess';
import { decideConnectionWizard } from './flows/decideConnection';
import { editIpRulesWizard } from './flows/editIpRules';
import { exportDnsRecordsWizard } from './flows/exportDnsRecords';
import { removePrivateEndpointWizard } from './flows/removePrivateEndpoint';
import { restrictDependentAccessWizard } from './flows/restrictDependentAccess';
import { resumeRunWizard } from './flows/resumeRun';
import { setPublicAccessWizard } from './flows/setPublicAccess';
import { verifyPrivateEndpointWizard } from './flows/verifyPrivateEndpoint';

// Each entry keeps its own context type; the catalog only needs to start them.
export const WIZARDS: Readonly<Record<WizardId, WizardDefinition<object>>> = {
  addPrivateEndpoint: addPrivateEndpointWizard as WizardDefinition<object>,
  configurePrivateDns: configurePrivateDnsWizard as WizardDefinition<object>,
  verifyPrivateEndpoint: verifyPrivateEndpointWizard as WizardDefinition<object>,
  removePrivateEndpoint: removePrivateEndpointWizard as WizardDefinition<object>,
  decideConnection: decideConnectionWizard as WizardDefinition<object>,
  setPublicAccess: setPublicAccessWizard as WizardDefinition<object>,
  editIpRules: editIpRulesWizard as WizardDefinition<object>,
  exportDnsRecords: exportDnsRecordsWizard as WizardDefinition<object>,
  restrictDependentAccess: restrictDependentAccessWizard as WizardDefinition<object>,
  addDependencyPrivateEndpoints: addDependencyEndpointsWizard as WizardDefinition<object>,
  resumeRun: resumeRunWizard as WizardDefinition<object>,
  configureStorageAccess: configureStorageAccessWizard as WizardDefinition<object>,
};

/** Runs a wizard; Verify's fixes start other wizards through the same services. */
export function startWizard(id: WizardId, args: readonly unknown[], services: WizardServices): Promise<WizardResult> {
  const withStart: WizardServices = { ...services, startWizard: (next, nextArgs) => startWizard(next, nextArgs, services) };
  return runWizard(WIZARDS[id], args, withStart);
}
