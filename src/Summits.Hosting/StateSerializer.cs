using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;

namespace Summits.Hosting;

/// <summary>How grain state is written to storage.</summary>
internal static class StateSerializer
{
    /// <summary>
    /// Writes grain state with the Orleans serializer, which the state and model types are generated for.
    /// The default JSON storage serializer cannot read back the model's immutable sorted dictionaries,
    /// so a grain's state would be lost on its next activation.
    /// </summary>
    public static ISiloBuilder UseOrleansSerializerForState(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        return silo;
    }
}
