{{- define "mercato.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 50 | trimSuffix "-" }}{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "mercato.labels" -}}
app.kubernetes.io/name: mercato
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Labels selecting one component (a service, the gateway or the web app). */}}
{{- define "mercato.selector" -}}
app.kubernetes.io/name: mercato
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "mercato.secretName" -}}
{{- default (printf "%s-secrets" (include "mercato.fullname" .)) .Values.existingSecret -}}
{{- end -}}

{{- define "mercato.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}{{ default (include "mercato.fullname" .) .Values.serviceAccount.name }}{{- else -}}{{ default "default" .Values.serviceAccount.name }}{{- end -}}
{{- end -}}

{{- define "mercato.image" -}}
{{ .Values.image.repository }}:{{ default .Chart.AppVersion .Values.image.tag }}
{{- end -}}

{{- define "mercato.scheme" -}}
{{- if .Values.internalTls.enabled -}}https{{- else -}}http{{- end -}}
{{- end -}}

{{- define "mercato.tlsSecret" -}}
{{- if .Values.internalTls.certManager.enabled -}}{{ include "mercato.fullname" . }}-internal-tls{{- else -}}{{ required "internalTls.secretName is required when internalTls.enabled" .Values.internalTls.secretName }}{{- end -}}
{{- end -}}
