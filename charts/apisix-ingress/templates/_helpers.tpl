{{- define "apisix-ingress.webhook.name" -}}
{{- printf "%s-webhook" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "apisix-ingress.labels" -}}
app.kubernetes.io/name: apisix-ingress
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "apisix-ingress.webhook.selector" -}}
app.kubernetes.io/name: apisix-ingress
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: webhook
{{- end -}}

{{/* Where the API server sends reviews, and which namespaces and objects it sends: the same for both webhooks. */}}
{{- define "apisix-ingress.webhook.target" -}}
{{- $w := .root.Values.webhook -}}
{{- if and (not $w.certManager.enabled) (not $w.caBundle) -}}
{{- fail "set webhook.caBundle (printed by certs/generate.sh) or webhook.certManager.enabled: without a caBundle the API server cannot verify the webhook, and every apply of our kinds would fail" -}}
{{- end -}}
clientConfig:
  service: {name: {{ include "apisix-ingress.webhook.name" .root }}, namespace: {{ .root.Release.Namespace }}, path: {{ .path }}, port: 443}
  {{- if not $w.certManager.enabled }}
  caBundle: {{ $w.caBundle }}
  {{- end }}
{{- $excluded := $w.excludedNamespaces | default list }}
{{- if $w.excludeReleaseNamespace }}
{{- $excluded = append $excluded .root.Release.Namespace }}
{{- end }}
{{- if $excluded }}
namespaceSelector:
  matchExpressions:
    - key: kubernetes.io/metadata.name
      operator: NotIn
      values: {{ toJson $excluded }}
{{- end }}
objectSelector: {{ toJson ($w.objectSelector | default dict) }}
{{- end -}}

{{- define "apisix-ingress.webhook.failurePolicy" -}}
{{- if not (has . (list "Fail" "Ignore")) -}}
{{- fail (printf "a failurePolicy is Fail or Ignore, not %v" .) -}}
{{- end -}}
{{- . -}}
{{- end -}}
