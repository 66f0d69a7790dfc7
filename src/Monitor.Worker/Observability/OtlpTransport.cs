namespace Monitor.Worker.Observability;

/// <summary>How metrics and traces reach the OTLP collector.</summary>
public enum OtlpTransport
{
    /// <summary>gRPC, usually port 4317.</summary>
    Grpc,

    /// <summary>HTTP with protobuf bodies, usually port 4318.</summary>
    HttpProtobuf,
}
