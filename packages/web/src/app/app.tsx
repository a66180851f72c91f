import { Router } from 'wouter';
import { AuthProvider } from './auth.tsx';
import { Layout } from './layout.tsx';
import { Routes } from './routes.tsx';

export const App = () => (
  <Router>
    <AuthProvider>
      <Layout>
        <Routes />
      </Layout>
    </AuthProvider>
  </Router>
);
