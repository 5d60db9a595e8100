/** Errors shown to the user: what happened and what to do, never a blank pane. */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { HostError } from "../hosts/host";
import type { Strings } from "./i18n";

export interface ErrorInfo {
  title: string;
  action: string;
  /** The underlying message (Excel's or the host's), when it adds something. */
  detail?: string;
  code: HostError["code"] | "bug";
}

export function describeError(e: unknown, t: Strings): ErrorInfo {
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  const code: HostError["code"] = e instanceof HostError ? e.code : "other";
  const table: Record<HostError["code"], [string, string]> = {
    protected: [t.errProtected, t.errProtectedDo],
    "too-large": [t.errTooLarge, t.errTooLargeDo],
    "api-unsupported": [t.errUnsupported, t.errUnsupportedDo],
    "not-found": [t.errNotFound, t.errNotFoundDo],
    unreadable: [t.errUnreadable, t.errUnreadableDo],
    other: [t.errOther, t.errOtherDo],
  };
  const [title, action] = table[code];
  return { title, action, detail: message && !message.includes(action) ? message : undefined, code };
}

export function ErrorMessage({ error, t, onRetry }: { error: unknown; t: Strings; onRetry?: () => void }): React.ReactElement {
  const info = describeError(error, t);
  return (
    <MessageBar intent="error" layout="multiline" data-testid="error-message" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{info.title}</MessageBarTitle>
        <div>{info.action}</div>
        {info.detail && <div style={{ opacity: 0.8, fontSize: "12px", wordBreak: "break-word" }}>{info.detail}</div>}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t.errorRetry}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

interface BoundaryProps {
  t: Strings;
  children: React.ReactNode;
  /** Changing it resets the boundary (e.g. the tab). */
  resetKey?: string;
}

/** One per panel: a bug in one panel shows a message there, the rest keeps working. */
export class PanelErrorBoundary extends React.Component<BoundaryProps, { error: unknown; key?: string }> {
  override state: { error: unknown; key?: string } = { error: null, key: this.props.resetKey };
  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }
  static getDerivedStateFromProps(props: BoundaryProps, state: { error: unknown; key?: string }): { error: unknown; key?: string } | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }
  override render(): React.ReactNode {
    if (this.state.error) {
      const { t } = this.props;
      const message = this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
      return (
        <MessageBar intent="error" layout="multiline" data-testid="panel-crashed" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.panelCrashed}</MessageBarTitle>
            <div>{t.panelCrashedDo}</div>
            <div style={{ opacity: 0.8, fontSize: "12px", wordBreak: "break-word" }}>{message}</div>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => this.setState({ error: null })}>
              {t.errorRetry}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    }
    return this.props.children;
  }
}
