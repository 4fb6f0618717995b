/// W3C Verifiable Credentials secured with JOSE (placeholder; being written).
public enum W3CVerifiableCredentials {}
