using Microsoft.Extensions.DependencyInjection;
using Orleans.Core;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Summits.Grains;

/// <summary>
/// Makes the <c>[PersistentState]</c> of every grain: one whose storage is chosen as the grain activates, by the call
/// that activates it, and again by the call that seeds it (<see cref="DurableOrInMemoryState{TState}"/>). It takes the place of Orleans' own factory, which it follows
/// for every durable world: the state named by the attribute, in the storage named by the attribute.
/// </summary>
public sealed class DurableOrInMemoryStateFactory : IPersistentStateFactory
{
    /// <inheritdoc/>
    /// <exception cref="BadProviderConfigException">When no grain storage is registered under the attribute's storage name.</exception>
    public IPersistentState<TState> Create<TState>(IGrainContext context, IPersistentStateConfiguration cfg)
    {
        var storage = (string.IsNullOrWhiteSpace(cfg.StorageName)
                ? context.ActivationServices.GetService<IGrainStorage>()
                : context.ActivationServices.GetKeyedService<IGrainStorage>(cfg.StorageName))
            ?? throw new BadProviderConfigException($"No storage provider named \"{cfg.StorageName}\" found loading grain type {context.GrainId.Type}.");
        var activator = context.ActivationServices.GetRequiredService<IActivatorProvider>().GetActivator<TState>();
        return new DurableOrInMemoryState<TState>(new StateStorageBridge<TState>(cfg.StateName, context, storage), activator, context.ObservableLifecycle);
    }
}
