using Backups.Service.Scheduling;
using Backups.Service.Settings;

namespace Backups.Service.Hosting;

/// <summary>Everything the host is built from, validated: the settings (overrides applied) and the policies.</summary>
internal sealed record ServiceConfiguration(ServiceSettings Settings, string PoliciesDirectory, string CatalogPath, PolicyRegistry Policies);
