namespace Backups.Service.Tests.Support;

/// <summary>A registration that no container can satisfy, which only validation on build notices before it is asked for.</summary>
internal sealed class NeedsMissingDependency(MissingDependency dependency)
{
    public MissingDependency Dependency { get; } = dependency;
}
